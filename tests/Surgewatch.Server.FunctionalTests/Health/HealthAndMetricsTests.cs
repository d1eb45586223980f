using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Health;

[Collection(Metrics.MetricsCollection.Name)]
public sealed class HealthAndMetricsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task GetHealth_StoreAnswers_Returns200WithStatusOk()
    {
        var response = await server.CreateClient().GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("ok");
    }

    [Fact]
    public async Task GetMetrics_AfterAnIngest_ServesPrometheusTextWithCountersHistogramAndGauge()
    {
        await server.ClientWithKey(ServerFixture.AdminKey).PostAsync("/api/v1/readings", Bodies.HourlyJson("metrics-1", 4));

        var response = await server.CreateClient().GetAsync("/metrics");

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("# TYPE surgewatch_readings_ingested_total counter\n")
            .And.Contain("# TYPE surgewatch_http_request_duration_seconds histogram\n")
            .And.Contain("# TYPE surgewatch_store_readings gauge\n")
            .And.Contain("service_name=\"surgewatch\"");
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#'))
            .Should().OnlyContain(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^[a-z_]+(\\{[a-z_]+=\"[^\"]*\"(,[a-z_]+=\"[^\"]*\")*\\})? [0-9.eE+-]+( [0-9]+)?$"));
        MetricText.Value(text, "surgewatch_ingest_requests_total", "outcome=\"accepted\"").Should().BeGreaterThanOrEqualTo(1);
        MetricText.Value(text, "surgewatch_ingest_requests_total", "outcome=\"privacy_refused\"").Should().BeGreaterThanOrEqualTo(0);
        MetricText.Value(text, "surgewatch_http_request_duration_seconds_bucket", "le=\"+Inf\"").Should().BeGreaterThanOrEqualTo(1);
        MetricText.Value(text, "surgewatch_store_readings").Should().BeGreaterThanOrEqualTo(4);
        MetricText.Value(text, "surgewatch_readings_ingested_total").Should().BeGreaterThanOrEqualTo(4);
        // The runtime's own meter: what an operator (and the cluster benchmark) reads to tell JIT and GC from work.
        MetricText.Value(text, "dotnet_jit_compilation_time_seconds_total").Should().BeGreaterThan(0);
        MetricText.Value(text, "dotnet_gc_pause_time_seconds_total").Should().BeGreaterThanOrEqualTo(0);
        MetricText.Value(text, "dotnet_process_cpu_time_seconds_total", "cpu_mode=\"user\"").Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task GetOpenApi_Document_ListsEveryEndpoint()
    {
        var doc = await (await server.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var paths = doc.GetProperty("paths");
        paths.GetProperty("/api/v1/readings").TryGetProperty("post", out _).Should().BeTrue();
        paths.GetProperty("/api/v1/readings").TryGetProperty("get", out _).Should().BeTrue();
        // /metrics is the OpenTelemetry exporter's scraping endpoint, described by the Prometheus format, not by OpenAPI.
        foreach (var path in new[] { "/api/v1/sensors", "/api/v1/forecasts", "/api/v1/alerts", "/api/v1/keys", "/api/v1/models", "/api/v1/counters", "/healthz" })
        {
            paths.TryGetProperty(path, out _).Should().BeTrue(path);
        }
    }

    [Fact]
    public async Task GetOpenApi_Document_DeclaresTheBearerSchemeOnKeyedOperationsOnly()
    {
        var doc = await (await server.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey").GetProperty("scheme").GetString().Should().Be("bearer");
        var paths = doc.GetProperty("paths");
        paths.GetProperty("/api/v1/readings").GetProperty("post").GetProperty("security")[0].TryGetProperty("apiKey", out _).Should().BeTrue();
        paths.GetProperty("/api/v1/keys").GetProperty("post").GetProperty("description").GetString().Should().Contain("admin");
        paths.GetProperty("/api/v1/sensors").GetProperty("get").TryGetProperty("security", out _).Should().BeFalse();
    }

    [Fact]
    public async Task GetApiDocs_Page_IsSelfContainedAndReadsTheOpenApiDocument()
    {
        var response = await server.CreateClient().GetAsync("/api/docs");

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await response.Content.ReadAsStringAsync();
        var script = await server.CreateClient().GetStringAsync("/api/docs.js");
        html.Should().NotContain("http://").And.NotContain("https://");
        script.Should().Contain("'/openapi/v1.json'").And.NotContain("http://").And.NotContain("https://");
    }
}
