namespace Surgewatch.Models.Catalog;

/// <summary>A model cannot be set up as asked (an unknown holiday region or events file, a model that cannot be saved); the message says what to change.</summary>
public sealed class ModelSetupException(string message, Exception? inner = null) : Exception(message, inner);
