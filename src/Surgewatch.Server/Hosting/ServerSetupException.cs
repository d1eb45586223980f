namespace Surgewatch.Server.Hosting;

/// <summary>
/// A setting or environment variable the server cannot start with. The message says what to change, in one line;
/// <c>surgewatch serve</c> prints it and exits with code 2, without a stack trace.
/// </summary>
public sealed class ServerSetupException(string message) : Exception(message);
