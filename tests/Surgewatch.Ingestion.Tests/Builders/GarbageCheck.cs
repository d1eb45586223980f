using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Ingestion.Tests.Builders;

/// <summary>The garbage property: a read either succeeds or is rejected with line numbers inside the input.</summary>
internal static class GarbageCheck
{
    public static bool OnlyRejects(byte[] text, bool gzip, Action<Stream> read)
    {
        var lines = text.Count(b => b == (byte)'\n') + 1;
        try
        {
            read(new MemoryStream(gzip ? Input.Compress(text) : text));
            return true;
        }
        catch (InputRejectedException e)
        {
            return e.Errors.Count > 0 && e.Errors.All(x => x.Line is null || (x.Line >= 1 && x.Line <= lines));
        }
    }

    /// <summary>Gzip magic bytes followed by anything: never anything but a rejection or a result.</summary>
    public static bool OnlyRejectsCorruptGzip(byte[] tail, Action<Stream> read)
    {
        try
        {
            read(new MemoryStream([0x1F, 0x8B, .. tail]));
            return true;
        }
        catch (InputRejectedException e)
        {
            return e.Errors.Count > 0 && e.Errors.All(x => x.Line is null || x.Line >= 1);
        }
    }
}
