using Microsoft.Win32.SafeHandles;

namespace Surgewatch.Forecasting.XGBoost.Native;

/// <summary>Owns an XGBoost <c>DMatrixHandle</c>; freeing it releases the native matrix.</summary>
internal sealed class DMatrixHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DMatrixHandle()
        : base(ownsHandle: true)
    {
    }

    public DMatrixHandle(IntPtr handle)
        : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle() => XGBoostNative.XGDMatrixFree(handle) == 0;
}
