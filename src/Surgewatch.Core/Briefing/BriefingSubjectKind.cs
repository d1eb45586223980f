namespace Surgewatch.Core.Briefing;

/// <summary>What a briefing entry is about.</summary>
public enum BriefingSubjectKind
{
    /// <summary>A zone: its persons and density from its sources.</summary>
    Zone = 0,

    /// <summary>A counter briefed on its own: its counts against its surge threshold.</summary>
    Counter = 1,
}
