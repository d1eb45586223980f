using System.Net;
using System.Text.Json;
using Surgewatch.Server.Docs;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Docs;

/// <summary>
/// The OpenAPI document describes every operation's request and reply, and /api/docs renders it with the reference UI
/// bundled into the server.
/// </summary>
public sealed class ApiDocsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private static readonly string[] BodyMethods = ["put", "post", "patch"];

    [Fact]
    public async Task GetOpenApi_EveryOperation_DeclaresASuccessReplyWithASchema()
    {
        var operations = await Operations();

        var missing = operations.Where(o => !HasSuccessSchema(o.Operation)).Select(o => o.Name).ToList();

        operations.Should().NotBeEmpty();
        missing.Should().BeEmpty("every operation's success reply has a schema (or is an explicit 204 No Content)");
    }

    [Fact]
    public async Task GetOpenApi_EveryOperationWithABody_DeclaresItsRequestSchema()
    {
        var operations = await Operations();

        var missing = operations
            .Where(o => BodyMethods.Contains(o.Method) && !HasRequestSchema(o.Operation) && !HasNoBodyNote(o.Operation))
            .Select(o => o.Name).ToList();

        missing.Should().BeEmpty("every write operation declares the body it reads");
    }

    [Fact]
    public async Task GetOpenApi_ErrorReplies_UseProblemDetails()
    {
        var operations = await Operations();

        var bare = operations.SelectMany(o => o.Operation.GetProperty("responses").EnumerateObject()
                .Where(r => r.Name is "400" or "404" && !r.Value.TryGetProperty("content", out _))
                .Select(r => $"{o.Name} {r.Name}"))
            .ToList();

        bare.Should().BeEmpty("a 400 or 404 reply is described by its problem-details schema");
    }

    [Theory]
    [InlineData("POST /api/v1/silences", "application/json")]
    [InlineData("POST /api/v1/keys", "application/json")]
    [InlineData("POST /api/v1/alerts/{key}/ack", "application/json")]
    public async Task GetOpenApi_OtherWrites_CarryAJsonRequestExample(string operation, string mediaType)
    {
        var example = await RequestExample(operation, mediaType);

        example.ValueKind.Should().Be(JsonValueKind.Object);
    }

    [Theory]
    [InlineData("POST /api/v1/readings", "application/json")]
    [InlineData("POST /api/v1/readings", "application/x-ndjson")]
    [InlineData("POST /api/v1/readings", "text/csv")]
    [InlineData("POST /api/v1/zones", "application/geo+json")]
    public async Task DocumentedExample_SentAsItStands_IsAccepted(string operation, string mediaType)
    {
        var example = await RequestExample(operation, mediaType);
        var text = example.ValueKind == JsonValueKind.String ? example.GetString()! : example.GetRawText();

        var response = await server.ClientWithKey(ServerFixture.AdminKey).PostAsync(operation.Split(' ')[1], new StringContent(text, System.Text.Encoding.UTF8, mediaType));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetOpenApi_Operations_AreGroupedByFeature()
    {
        var operations = await Operations();

        var tags = operations.ToDictionary(o => o.Name, o => o.Operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList());

        tags["POST /api/v1/readings"].Should().Equal("Readings");
        tags["GET /api/v1/zones/{id}/series"].Should().Equal("Zones");
        tags["GET /api/v1/session"].Should().Equal("Clock");
        tags["GET /healthz"].Should().Equal("Health");
        tags.Values.Should().OnlyContain(t => t.Count == 1);
    }

    [Fact]
    public async Task GetApiDocs_Bundled_ServesTheReferencePageThatLoadsTheBundleFromThisOrigin()
    {
        var client = server.CreateClient();

        var html = await client.GetStringAsync("/api/docs");
        var init = await client.GetStringAsync("/api/docs.js");
        var bundle = await client.GetAsync("/" + ApiDocsPage.ReferenceBundle);

        html.Should().Contain($"<script src=\"/{ApiDocsPage.ReferenceBundle}\"></script>").And.Contain("<script src=\"/api/docs.js\"></script>");
        init.Should().Contain("Scalar.createApiReference('#reference'").And.Contain("'/openapi/v1.json'").And.Contain("withDefaultFonts: false");
        html.Should().NotContain("id=\"api-reference\"", "the bundle would mount an unconfigured reference there by itself");
        bundle.StatusCode.Should().Be(HttpStatusCode.OK);
        bundle.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        var text = await bundle.Content.ReadAsStringAsync();
        text.Length.Should().BeGreaterThan(1_000_000, "it is the whole reference UI, not a stub");
        text.Should().Contain("createApiReference");
    }

    private async Task<List<(string Name, string Method, JsonElement Operation)>> Operations()
    {
        var doc = await (await server.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var list = new List<(string, string, JsonElement)>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                list.Add(($"{method.Name.ToUpperInvariant()} {path.Name}", method.Name, method.Value));
            }
        }

        return list;
    }

    private async Task<JsonElement> RequestExample(string operation, string mediaType) =>
        (await Operations()).Single(o => o.Name == operation).Operation
            .GetProperty("requestBody").GetProperty("content").GetProperty(mediaType).GetProperty("example");

    private static bool HasSuccessSchema(JsonElement operation) =>
        operation.GetProperty("responses").EnumerateObject().Any(r =>
            r.Name == "204" || (r.Name.StartsWith('2') && HasSchema(r.Value)));

    private static bool HasRequestSchema(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && HasSchema(body);

    // A write that reads no body (an action such as "acknowledge") says so in its description.
    private static bool HasNoBodyNote(JsonElement operation) =>
        operation.TryGetProperty("description", out var text) && text.GetString()!.Contains("No request body", StringComparison.Ordinal);

    // An empty schema ({}, what Produces<object> gives) says nothing: it must name a type, a reference or a choice.
    private static bool HasSchema(JsonElement part) =>
        part.TryGetProperty("content", out var content) && content.EnumerateObject().Any(c =>
            c.Value.TryGetProperty("schema", out var schema) && schema.EnumerateObject().Any(p => p.Name is "$ref" or "type" or "oneOf" or "anyOf" or "allOf"));
}
