namespace Surgewatch.Notifications.Email;

/// <summary>The SMTP server and sender of the e-mail channel.</summary>
/// <param name="Host">The SMTP server's host name or address.</param>
/// <param name="Port">Its port (25, 587, or a local relay's).</param>
/// <param name="From">The sender address, such as <c>surgewatch@venue.example</c>.</param>
public sealed record EmailOptions(string Host, int Port, string From)
{
    /// <summary>Whether to use STARTTLS (default false, for a local relay).</summary>
    public bool EnableSsl { get; init; }

    /// <summary>User name for SMTP authentication, or null for none.</summary>
    public string? UserName { get; init; }

    /// <summary>Password for SMTP authentication.</summary>
    public string? Password { get; init; }

    /// <summary>How long one message may take (default 30 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the options and returns them.</summary>
    /// <exception cref="ArgumentException">The host, port or sender is not usable.</exception>
    public EmailOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(Host) || Port is < 1 or > 65535 || string.IsNullOrWhiteSpace(From) || !From.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"SMTP settings need a host, a port in 1–65535 and a sender address (got '{Host}', {Port}, '{From}').", nameof(Host));
        }

        return this;
    }
}
