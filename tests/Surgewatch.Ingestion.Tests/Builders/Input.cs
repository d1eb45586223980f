using System.IO.Compression;
using System.Text;

namespace Surgewatch.Ingestion.Tests.Builders;

/// <summary>Builds input streams from text: LF or CRLF, with or without a BOM, plain or gzip.</summary>
internal sealed record Input(string Text)
{
    public bool Crlf { get; init; }

    public bool Bom { get; init; }

    public bool Gzip { get; init; }

    public static Input Lines(params string[] lines) => new(string.Join('\n', lines) + "\n");

    public Input WithCrlf() => this with { Crlf = true };

    public Input WithBom() => this with { Bom = true };

    public Input Gzipped() => this with { Gzip = true };

    public byte[] Bytes()
    {
        var text = Crlf ? Text.Replace("\n", "\r\n", StringComparison.Ordinal) : Text;
        var bytes = Encoding.UTF8.GetBytes(text);
        if (Bom)
        {
            bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        }

        return Gzip ? Compress(bytes) : bytes;
    }

    public Stream Stream() => new MemoryStream(Bytes(), writable: false);

    public static byte[] Compress(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
