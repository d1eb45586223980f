namespace Surgewatch.Ingestion.Text;

/// <summary>
/// A map from short UTF-8 byte strings to ints, looked up straight from the bytes of a field. Open addressing over
/// plain arrays, written out here rather than a <c>Dictionary</c> with an alternate lookup: it runs for every row of
/// a long file, and the framework's generic lookup over spans is not in the ReadyToRun image, so a batch command
/// would spend its whole parse in unoptimised JIT code.
/// </summary>
internal sealed class Utf8IdTable
{
    // A per-table random start for the hash: the ids come from input files and requests, so colliding ids must not be
    // something a sender can prepare (each collision costs every later lookup of that chain a probe).
    private readonly uint _seed = (uint)Random.Shared.Next();
    private byte[]?[] _keys = new byte[]?[64];
    private int[] _values = new int[64];
    private int _count;

    /// <summary>The value stored for <paramref name="key"/>, if any.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> key, out int value)
    {
        var mask = _keys.Length - 1;
        for (var slot = Hash(key) & mask; ; slot = (slot + 1) & mask)
        {
            var stored = _keys[slot];
            if (stored is null)
            {
                value = -1;
                return false;
            }

            if (key.SequenceEqual(stored))
            {
                value = _values[slot];
                return true;
            }
        }
    }

    /// <summary>Stores <paramref name="value"/> for <paramref name="key"/>, replacing any value it had.</summary>
    public void Set(ReadOnlySpan<byte> key, int value)
    {
        if ((_count + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        Place(key.ToArray(), value);
    }

    private void Place(byte[] key, int value)
    {
        var mask = _keys.Length - 1;
        var slot = Hash(key) & mask;
        while (_keys[slot] is { } stored && !stored.AsSpan().SequenceEqual(key))
        {
            slot = (slot + 1) & mask;
        }

        if (_keys[slot] is null)
        {
            _count++;
        }

        _keys[slot] = key;
        _values[slot] = value;
    }

    private void Grow()
    {
        var (keys, values) = (_keys, _values);
        _keys = new byte[]?[keys.Length * 2];
        _values = new int[keys.Length * 2];
        _count = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] is { } key)
            {
                Place(key, values[i]);
            }
        }
    }

    // FNV-1a, folded so that short keys that differ in their last byte land apart.
    private int Hash(ReadOnlySpan<byte> key)
    {
        var hash = 2166136261u ^ _seed;
        foreach (var b in key)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15)) & int.MaxValue;
    }
}
