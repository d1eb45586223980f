namespace Surgewatch.Server.Monitoring;

/// <summary>The latest zone statuses the monitor computed, for the API and for new hub connections.</summary>
internal sealed class ZoneStatusBoard
{
    private volatile IReadOnlyList<ZoneStatusDto> _current = [];

    public IReadOnlyList<ZoneStatusDto> Current => _current;

    public void Publish(IReadOnlyList<ZoneStatusDto> statuses) => _current = statuses;
}
