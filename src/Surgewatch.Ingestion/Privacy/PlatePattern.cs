namespace Surgewatch.Ingestion.Privacy;

/// <summary>
/// The common shapes of vehicle number plates: 5–8 letters and digits in two or three blocks (letters, digits,
/// letters or the reverse), each letter block 1–3 long and each digit block 1–4 long, with at least two of each,
/// optionally split by a dash or space: <c>ABC123</c>, <c>1ABC234</c>, <c>XYZ-789</c>, <c>AB12 CDE</c>, <c>123-ABC</c>.
/// </summary>
/// <remarks>
/// Plates of every country cannot be told from short codes, so the shape is only trusted where it is unlikely
/// to be anything else: a whole id written in capitals (place ids are conventionally lower case, <c>syn-001</c>,
/// <c>cell-4411</c>), or free text right after a word such as <c>plate</c> or <c>rego</c>.
/// </remarks>
internal static class PlatePattern
{
    public static bool IsPlate(ReadOnlySpan<char> value, bool anyCase)
    {
        if (value.Length is < 5 or > 10 || value[0] is '-' or ' ' || value[^1] is '-' or ' ')
        {
            return false;
        }

        var blocks = new Blocks();
        foreach (var c in value)
        {
            if (!blocks.Add(c, anyCase))
            {
                return false;
            }
        }

        return blocks.IsPlate;
    }

    /// <summary>Counts alternating runs of letters and digits; separators neither end nor start a run.</summary>
    private struct Blocks
    {
        private int _count;
        private int _run;
        private int _letters;
        private int _digits;
        private int _separators;
        private bool _inLetters;

        public readonly bool IsPlate =>
            RunFits() && _count is 2 or 3 && _letters + _digits is >= 5 and <= 8 && _letters >= 2 && _digits >= 2;

        public bool Add(char c, bool anyCase)
        {
            if (c is '-' or ' ')
            {
                return ++_separators <= 2;
            }

            var isLetter = anyCase ? char.IsAsciiLetter(c) : char.IsAsciiLetterUpper(c);
            if (!isLetter && !char.IsAsciiDigit(c))
            {
                return false;
            }

            if (_count == 0 || isLetter != _inLetters)
            {
                if (_count > 0 && !RunFits())
                {
                    return false;
                }

                _count++;
                _run = 0;
                _inLetters = isLetter;
            }

            _run++;
            _letters += isLetter ? 1 : 0;
            _digits += isLetter ? 0 : 1;
            return true;
        }

        private readonly bool RunFits() => _inLetters ? _run <= 3 : _run <= 4;
    }
}
