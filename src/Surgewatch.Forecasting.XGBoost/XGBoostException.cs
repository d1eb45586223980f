namespace Surgewatch.Forecasting.XGBoost;

/// <summary>A call into XGBoost failed; the message carries XGBoost's own error text.</summary>
public sealed class XGBoostException : Exception
{
    /// <summary>Creates the exception for a failed <paramref name="call"/> with XGBoost's <paramref name="nativeMessage"/>.</summary>
    public XGBoostException(string call, string nativeMessage)
        : base($"XGBoost {call} failed: {nativeMessage}")
    {
        Call = call;
    }

    /// <summary>The C API function that failed.</summary>
    public string Call { get; }
}
