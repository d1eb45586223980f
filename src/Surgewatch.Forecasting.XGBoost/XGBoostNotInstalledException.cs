using Surgewatch.Forecasting.XGBoost.Native;

namespace Surgewatch.Forecasting.XGBoost;

/// <summary>The native XGBoost library could not be loaded.</summary>
public sealed class XGBoostNotInstalledException : InvalidOperationException
{
    /// <summary>Creates the exception with <see cref="XGBoostLibrary.InstallHint"/> as message.</summary>
    public XGBoostNotInstalledException()
        : base(XGBoostLibrary.InstallHint)
    {
    }
}
