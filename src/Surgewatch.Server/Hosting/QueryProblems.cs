namespace Surgewatch.Server.Hosting;

/// <summary>Problem replies for bad query parameters.</summary>
internal static class QueryProblems
{
    public static IResult BadParameter(string name, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] }, title: $"Bad query parameter '{name}'");
}
