using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Ingestion.Tests.Errors;

public class InputRejectedExceptionTest
{
    [Fact]
    public void ToString_LineAndField_ReadsAsOneSentence()
    {
        new InputError("counts.csv.gz", 12, "count", "'abc' is not a number").ToString()
            .Should().Be("counts.csv.gz line 12, field 'count': 'abc' is not a number");
    }

    [Fact]
    public void ToString_NoLineOrField_NamesOnlyTheSource()
    {
        new InputError("counts.csv", null, null, "the input is empty").ToString().Should().Be("counts.csv: the input is empty");
        new InputError("counts.csv", 3, null, "expected 3 fields").ToString().Should().Be("counts.csv line 3: expected 3 fields");
    }

    [Fact]
    public void Message_SeveralErrors_ListsEachAndCountsTheRest()
    {
        var errors = new[] { new InputError("a.csv", 2, "count", "bad"), new InputError("a.csv", 3, null, "worse") };

        var e = new InputRejectedException("a.csv", errors, furtherErrorCount: 5);

        e.TotalErrorCount.Should().Be(7);
        e.SourceName.Should().Be("a.csv");
        e.Message.Should().Be(
            "a.csv was rejected (7 errors); nothing from it was read:\na.csv line 2, field 'count': bad\na.csv line 3: worse\n... and 5 more errors");
    }
}
