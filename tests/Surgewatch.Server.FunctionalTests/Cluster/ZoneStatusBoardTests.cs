using System.Text.Json;
using Surgewatch.Core.Cluster;
using Surgewatch.Server.Monitoring;

namespace Surgewatch.Server.FunctionalTests.Cluster;

/// <summary>Every node serves every zone's status: its own zones' as it stepped them, the others' as their nodes shared them.</summary>
public sealed class ZoneStatusBoardTests
{
    private static ZoneStatusDto Status(string zone, double persons) =>
        new(zone, "2025-06-01T10:00:00+00:00", persons, persons / 100, null, 0.9, "ok", "ok", [new ZoneSourceStatusDto(zone + "-occ", "occupancy", false)], false);

    [Fact]
    public async Task CurrentAsync_OtherNodesShared_ListsEveryZoneOnceWithThisNodesOwnStatusWinning()
    {
        var share = new FakeShare();
        var board = new ZoneStatusBoard(share);
        board.Publish([Status("a", 10), Status("c", 30)]);
        share.Others = new Dictionary<string, string>
        {
            ["b"] = JsonSerializer.Serialize(Status("b", 20), new JsonSerializerOptions(JsonSerializerDefaults.Web)),
            ["c"] = JsonSerializer.Serialize(Status("c", 99), new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        };

        var current = await board.CurrentAsync(CancellationToken.None);

        current.Select(s => (s.ZoneId, s.Persons)).Should().Equal(("a", 10d), ("b", 20d), ("c", 30d));
        current[1].Should().BeEquivalentTo(Status("b", 20), "a shared status reads back whole");
        board.Own.Select(s => s.ZoneId).Should().Equal("a", "c");
        share.Shared.Keys.Should().BeEquivalentTo(["a", "c"], "a node shares the zones it steps");
        JsonSerializer.Deserialize<ZoneStatusDto>(share.Shared["a"], new JsonSerializerOptions(JsonSerializerDefaults.Web)).Should().BeEquivalentTo(Status("a", 10));
    }

    [Fact]
    public async Task CurrentAsync_SingleNode_IsItsOwnStatuses()
    {
        var board = new ZoneStatusBoard(new FakeShare());
        var own = new List<ZoneStatusDto> { Status("a", 10) };

        board.Publish(own);

        (await board.CurrentAsync(CancellationToken.None)).Should().BeSameAs(own);
    }

    private sealed class FakeShare : IZoneStatusShare
    {
        public IReadOnlyDictionary<string, string> Shared { get; private set; } = new Dictionary<string, string>();

        public IReadOnlyDictionary<string, string> Others { get; set; } = new Dictionary<string, string>();

        public Task<IReadOnlyDictionary<string, string>> OthersAsync(CancellationToken cancellationToken) => Task.FromResult(Others);

        public bool AnyoneListening => false;

        public void SetListening(bool here)
        {
        }

        public void Share(IReadOnlyDictionary<string, string> statuses) => Shared = statuses;
    }
}
