namespace Surgewatch.Cli.Common;

/// <summary>A command line that cannot be carried out as given; the message says what to change.</summary>
internal sealed class UserInputException(string message) : Exception(message);
