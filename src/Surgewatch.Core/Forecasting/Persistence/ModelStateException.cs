namespace Surgewatch.Core.Forecasting.Persistence;

/// <summary>A saved model's state cannot be read by this build (another model, format or version); train the model again.</summary>
public sealed class ModelStateException : Exception
{
    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ModelStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the <paramref name="inner"/> cause.</summary>
    public ModelStateException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
