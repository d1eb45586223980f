using System.Text;
using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Csv;

public class CsvRecordReaderTest
{
    [Fact]
    public void TryRead_QuotedFields_UnquotesCommasAndDoubledQuotes()
    {
        var records = ReadAll(Input.Lines("a,\"b,c\",\"say \"\"hi\"\"\",\"\",d"));

        records.Should().ContainSingle().Which.Fields.Should().Equal("a", "b,c", "say \"hi\"", "", "d");
    }

    [Fact]
    public void TryRead_NewlineInsideQuotes_KeepsOneRecordAndCountsItsLines()
    {
        var records = ReadAll(Input.Lines("h1,h2", "\"two\nlines\",x", "last,y"));

        records.Select(r => r.Line).Should().Equal(1, 2, 4);
        records[1].Fields.Should().Equal("two\nlines", "x");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void TryRead_CrlfAndBom_GiveTheSameFields(bool crlf, bool bom)
    {
        var input = Input.Lines("timestamp,value", "2014-01-01T00:00:00,1") with { Crlf = crlf, Bom = bom };

        var records = ReadAll(input);

        records.Select(r => string.Join('|', r.Fields)).Should().Equal("timestamp|value", "2014-01-01T00:00:00|1");
    }

    [Fact]
    public void TryRead_BlankLines_AreSkippedButCounted()
    {
        var records = ReadAll(new Input("a,b\n\n  \n\r\nc,d"));

        records.Select(r => r.Line).Should().Equal(1, 5);
    }

    [Fact]
    public void TryRead_WithCommentHandler_HandsCommentsOverWithTheirLines()
    {
        var comments = new List<(int, string)>();
        var csv = new CsvRecordReader(new Input("# a \"quote, left open\n  a,b\r\n\t# indented\nc,d\n").Stream(), new InputErrorList("x.csv", 10), (line, text) => comments.Add((line, text)));

        var lines = new List<int>();
        while (csv.TryRead())
        {
            csv.Problem.Should().BeNull();
            lines.Add(csv.Line);
        }

        lines.Should().Equal(2, 4);
        comments.Should().Equal((1, "# a \"quote, left open"), (3, "\t# indented"));
    }

    [Fact]
    public void TryRead_WithoutCommentHandler_ReadsHashLinesAsRecords() =>
        ReadAll(Input.Lines("#a,b", "c,d")).Select(r => r.Fields[0]).Should().Equal("#a", "c");

    [Fact]
    public void TryRead_EmptyFields_AreKept()
    {
        ReadAll(Input.Lines(",x,")).Single().Fields.Should().Equal("", "x", "");
    }

    [Theory]
    [InlineData("a,\"open", "a quoted field is not closed", 1)]
    [InlineData("a,\"closed\"b", "text after the closing quote of a quoted field", 1)]
    [InlineData("a,b\"c\"", "a quote inside an unquoted field; quote the whole field and double the quotes inside it", 1)]
    public void TryRead_MalformedQuotes_ReportTheProblemAndField(string line, string problem, int field)
    {
        var csv = new CsvRecordReader(new Input(line).Stream(), new InputErrorList("x.csv", 10));

        csv.TryRead().Should().BeTrue();

        csv.Problem.Should().Be(problem);
        csv.ProblemField.Should().Be(field);
    }

    [Fact]
    public void TryRead_LineLongerThanTheLimit_StopsWithAnError()
    {
        var errors = new InputErrorList("x.csv", 10);
        var text = "a\n\"" + new string('x', Ingestion.Text.Utf8RecordReader.MaxRecordBytes);
        var csv = new CsvRecordReader(new Input(text).Stream(), errors);

        csv.TryRead().Should().BeTrue();
        csv.TryRead().Should().BeFalse();

        errors.Rejection().Errors.Should().ContainSingle().Which.ToString().Should().StartWith("x.csv line 2: the line is longer than 8 MiB");
    }

    private static List<(int Line, string[] Fields)> ReadAll(Input input)
    {
        var csv = new CsvRecordReader(input.Stream(), new InputErrorList("x.csv", 10));
        var records = new List<(int, string[])>();
        while (csv.TryRead())
        {
            csv.Problem.Should().BeNull();
            var fields = new string[csv.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = Encoding.UTF8.GetString(csv[i]);
            }

            records.Add((csv.Line, fields));
        }

        return records;
    }
}
