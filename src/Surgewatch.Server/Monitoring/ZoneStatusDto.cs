namespace Surgewatch.Server.Monitoring;

/// <summary>One source of a zone as its status shows it.</summary>
internal sealed record ZoneSourceStatusDto(string SensorId, string Role, bool Stale);

/// <summary>A zone's present state (see CONTRACTS.md): persons, density (persons/m²), flow (persons/m/min), levels.</summary>
internal sealed record ZoneStatusDto(
    string ZoneId,
    string At,
    double? Persons,
    double? Density,
    double? Flow,
    double Confidence,
    string Level,
    string ForecastLevel,
    IReadOnlyList<ZoneSourceStatusDto> Sources,
    bool Fallback);
