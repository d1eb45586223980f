namespace Surgewatch.Ingestion.Privacy;

/// <summary>
/// Finds personal identifiers inside free text (zone and sensor names, comments, notes, key names) without
/// refusing ordinary operator sentences. The text is read word by word: each word, and each part of it, goes
/// through <see cref="PersonalValuePatterns"/>; numbers spread over several words (<c>0412 345 678</c>,
/// <c>+61 3 9123 4567</c>, <c>(03) 9123 4567</c>) are joined when they open like a phone number; a plate is only
/// read after a word such as <c>plate</c> or <c>rego</c>. Dates, times, decimals and counts end a phone number.
/// </summary>
internal static class PersonalTextScanner
{
    public static bool TryFind(ReadOnlySpan<char> text, out string what, out int position)
    {
        var phone = new PhoneNumberRun();
        var afterPlateWord = false;
        var afterPhoneWord = false;
        var index = 0;
        while (NextWord(text, ref index, out var start, out var word))
        {
            position = start;
            if (PersonalValuePatterns.TryMatchWord(word, out what))
            {
                return true;
            }

            if (afterPlateWord && PlatePattern.IsPlate(word, anyCase: true))
            {
                what = "a vehicle number plate";
                return true;
            }

            if (phone.Add(NumberPart(word, ref afterPhoneWord), afterPhoneWord, start))
            {
                what = "a phone number";
                position = phone.Start;
                return true;
            }

            afterPlateWord = IdentifierLabels.IsPlateWord(word);
            afterPhoneWord = IdentifierLabels.IsPhoneWord(word);
        }

        what = string.Empty;
        position = -1;
        return false;
    }

    /// <summary>The number in a word, after a phone label glued to it (<c>ph:0412</c>), which then counts as a phone word.</summary>
    private static ReadOnlySpan<char> NumberPart(ReadOnlySpan<char> word, ref bool afterPhoneWord)
    {
        var colon = word.IndexOfAny(':', '=');
        if (colon > 0 && colon < word.Length - 1 && IdentifierLabels.IsPhoneWord(word[..colon]))
        {
            afterPhoneWord = true;
            return word[(colon + 1)..];
        }

        return word;
    }

    /// <summary>The next run of non-space characters, without the punctuation around it.</summary>
    private static bool NextWord(ReadOnlySpan<char> text, ref int index, out int start, out ReadOnlySpan<char> word)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        start = index;
        if (index == text.Length)
        {
            word = default;
            return false;
        }

        while (index < text.Length && !char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        word = TrimPunctuation(text[start..index], ref start);
        return true;
    }

    private static ReadOnlySpan<char> TrimPunctuation(ReadOnlySpan<char> word, scoped ref int start)
    {
        var trimmed = word.TrimStart("\"'[{<");
        if (!trimmed.Contains(')'))
        {
            trimmed = trimmed.TrimStart('(');
        }

        start += word.Length - trimmed.Length;
        trimmed = trimmed.TrimEnd("\"'.,;:!?]}>");
        return trimmed.Contains('(') ? trimmed : trimmed.TrimEnd(')');
    }
}
