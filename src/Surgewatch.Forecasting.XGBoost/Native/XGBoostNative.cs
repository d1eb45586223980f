using System.Runtime.InteropServices;

namespace Surgewatch.Forecasting.XGBoost.Native;

/// <summary>
/// The few functions of XGBoost's C API (c_api.h, 1.7) that Surgewatch uses. Every function returns 0 on
/// success and -1 on failure, with the reason in <see cref="XGBGetLastError"/>; <see cref="Check"/> turns that into
/// an <see cref="XGBoostException"/>. <c>bst_ulong</c> is a 64-bit unsigned integer.
/// </summary>
internal static unsafe partial class XGBoostNative
{
    [LibraryImport(XGBoostLibrary.ImportName)]
    public static partial void XGBoostVersion(out int major, out int minor, out int patch);

    [LibraryImport(XGBoostLibrary.ImportName)]
    public static partial IntPtr XGBGetLastError();

    [LibraryImport(XGBoostLibrary.ImportName)]
    public static partial int XGDMatrixCreateFromMat(float* data, ulong rows, ulong columns, float missing, out IntPtr handle);

    [LibraryImport(XGBoostLibrary.ImportName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGDMatrixSetFloatInfo(DMatrixHandle handle, string field, float* values, ulong length);

    [LibraryImport(XGBoostLibrary.ImportName)]
    public static partial int XGDMatrixFree(IntPtr handle);

    [LibraryImport(XGBoostLibrary.ImportName)]
    public static partial int XGBoosterCreate(IntPtr* matrices, ulong count, out IntPtr handle);

    [LibraryImport(XGBoostLibrary.ImportName)]
    public static partial int XGBoosterFree(IntPtr handle);

    [LibraryImport(XGBoostLibrary.ImportName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterSetParam(BoosterHandle handle, string name, string value);

    [LibraryImport(XGBoostLibrary.ImportName)]
    public static partial int XGBoosterUpdateOneIter(BoosterHandle handle, int iteration, DMatrixHandle train);

    [LibraryImport(XGBoostLibrary.ImportName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterPredictFromDense(
        BoosterHandle handle, string arrayInterface, string config, IntPtr proxy, out ulong* shape, out ulong dimensions, out float* result);

    [LibraryImport(XGBoostLibrary.ImportName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int XGBoosterSaveModelToBuffer(BoosterHandle handle, string config, out ulong length, out byte* buffer);

    [LibraryImport(XGBoostLibrary.ImportName)]
    public static partial int XGBoosterLoadModelFromBuffer(BoosterHandle handle, byte* buffer, ulong length);

    /// <summary>Throws <see cref="XGBoostException"/> with XGBoost's last error when <paramref name="code"/> is not 0.</summary>
    public static void Check(int code, string call)
    {
        if (code != 0)
        {
            throw new XGBoostException(call, Marshal.PtrToStringUTF8(XGBGetLastError()) ?? "(no message)");
        }
    }
}
