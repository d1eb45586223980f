namespace Surgewatch.Ingestion.Text;

/// <summary>Finds where a CSV record ends: at the first newline outside double quotes.</summary>
internal static class RecordScanner
{
    /// <summary>The index of the newline that ends the first record of <paramref name="data"/>, or -1 when it does not end there.</summary>
    public static int FindEnd(ReadOnlySpan<byte> data, out int innerNewlines)
    {
        innerNewlines = 0;
        var position = 0;
        while (true)
        {
            var hit = data[position..].IndexOfAny((byte)'\n', (byte)'"');
            if (hit < 0)
            {
                return -1;
            }

            position += hit;
            if (data[position] == (byte)'\n')
            {
                return position;
            }

            // Inside quotes: jump to the closing quote. A doubled quote closes and reopens, which comes out the same.
            var close = data[(position + 1)..].IndexOf((byte)'"');
            if (close < 0)
            {
                return -1;
            }

            innerNewlines += data.Slice(position + 1, close).Count((byte)'\n');
            position += close + 2;
        }
    }
}
