namespace Surgewatch.Ingestion.Privacy;

/// <summary>
/// Consecutive words of a sentence that together may spell a phone number: <c>0412 345 678</c>,
/// <c>+61 4 1234 5678</c>, <c>(03) 9123 4567</c>, <c>06 12 34 56 78</c>. A run opens with <c>+</c>, with <c>0</c>
/// and at least one more digit, or right after a phone word (<c>call</c>, <c>tel:</c>); it holds at most five
/// groups, each after the first of 2–5 digits (one digit straight after a <c>+</c> country code); dates, times,
/// decimals and words end it.
/// </summary>
internal struct PhoneNumberRun
{
    private const int MaxGroups = 5;

    private int _digits;
    private int _groups;
    private int _threshold;
    private bool _afterCountryCode;

    /// <summary>Where the run started in the text.</summary>
    public int Start { get; private set; }

    /// <summary>Adds the next word; true once the run holds enough digits to be a phone number.</summary>
    public bool Add(ReadOnlySpan<char> word, bool afterPhoneWord, int start)
    {
        if (!IsGroup(word))
        {
            _groups = 0;
            return false;
        }

        var digits = NumberPatterns.CountDigits(word);
        if (_groups > 0 && (_groups == MaxGroups || !(digits is >= 2 and <= 5 || (digits == 1 && _afterCountryCode))))
        {
            _groups = 0;
        }

        if (_groups == 0 && !Open(word, digits, afterPhoneWord, start))
        {
            return false;
        }

        _afterCountryCode = _groups == 0 && word.TrimStart('(') is ['+', ..];
        _groups++;
        _digits += digits;
        return _digits >= _threshold;
    }

    private bool Open(ReadOnlySpan<char> word, int digits, bool afterPhoneWord, int start)
    {
        var plus = word.TrimStart('(') is ['+', ..];
        _threshold = plus || afterPhoneWord ? 8 : NumberPatterns.StartsWithZero(word) && digits >= 2 ? NumberPatterns.LongDigits : 0;
        _digits = 0;
        Start = start;
        return _threshold > 0;
    }

    /// <summary>A group of a phone number: digits with grouping characters, but not a date or a decimal.</summary>
    private static bool IsGroup(ReadOnlySpan<char> word) =>
        NumberPatterns.IsGroupedNumber(word) && !NumberPatterns.IsDate(word) && !NumberPatterns.IsDecimal(word);
}
