using Microsoft.Win32.SafeHandles;

namespace Surgewatch.Forecasting.XGBoost.Native;

/// <summary>Owns an XGBoost <c>BoosterHandle</c>; freeing it releases the native model.</summary>
internal sealed class BoosterHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public BoosterHandle()
        : base(ownsHandle: true)
    {
    }

    public BoosterHandle(IntPtr handle)
        : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle() => XGBoostNative.XGBoosterFree(handle) == 0;
}
