namespace Surgewatch.Storage.Postgres.Observations;

/// <summary>How a batch of readings reached the <c>readings</c> table.</summary>
internal enum ReadingWritePath
{
    /// <summary>Binary COPY straight into <c>readings</c>: no stored row had any of the batch's keys.</summary>
    Direct,

    /// <summary>Binary COPY into a staging table, then <c>INSERT … ON CONFLICT</c>: some keys were already stored.</summary>
    Merge,
}
