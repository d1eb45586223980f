namespace Surgewatch.Fuzzing.Targets;

/// <summary>Thrown by a fuzz target when a reader breaks a promise without throwing: afl-fuzz counts it as a crash.</summary>
internal sealed class FuzzInvariantException(string message) : Exception(message);
