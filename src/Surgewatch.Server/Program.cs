using Surgewatch.Server.Hosting;

// Stand-alone host; `surgewatch serve` builds the same application through SurgewatchServer.
await SurgewatchServer.Build(args).RunAsync();

/// <summary>The entry point, visible so that functional tests can host the application.</summary>
public partial class Program;
