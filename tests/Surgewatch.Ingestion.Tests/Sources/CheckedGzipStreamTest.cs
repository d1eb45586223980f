using System.Text;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Sources;

public class CheckedGzipStreamTest
{
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes(
        "timestamp,sensor_id,count\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"2014-01-01T00:00:00,s{i},{i + 500}\n")));

    [Fact]
    public void Read_WholeMember_GivesTheData()
    {
        using var gzip = new CheckedGzipStream(new MemoryStream(Input.Compress(Csv)), leaveOpen: false);
        using var output = new MemoryStream();

        gzip.CopyTo(output);

        output.ToArray().Should().Equal(Csv);
    }

    [Fact]
    public void Read_EmptyMember_GivesNothing()
    {
        // What `gzip < /dev/null` writes: a header, an empty final block, CRC 0 and length 0.
        byte[] empty = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        using var gzip = new CheckedGzipStream(new MemoryStream(empty), leaveOpen: false);

        gzip.Read(new byte[16]).Should().Be(0);
    }

    [Fact]
    public void Read_EveryCutBeforeTheEnd_Throws()
    {
        var whole = Input.Compress(Csv);

        // Every cut, from inside the header to the last byte of the trailer.
        for (var cut = 1; cut < whole.Length; cut++)
        {
            var read = () => new CheckedGzipStream(new MemoryStream(whole, 0, cut), leaveOpen: false).CopyTo(Stream.Null);

            read.Should().Throw<InvalidDataException>($"a stream cut at {cut} of {whole.Length} bytes is incomplete");
        }
    }

    [Fact]
    public void Read_TrailerWithWrongLength_Throws()
    {
        var bytes = Input.Compress(Csv);
        bytes[^1] ^= 0x01;

        var read = () => new CheckedGzipStream(new MemoryStream(bytes), leaveOpen: false).CopyTo(Stream.Null);

        read.Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void Read_BytesAfterTheTrailer_Throws()
    {
        var read = () => new CheckedGzipStream(new MemoryStream([.. Input.Compress(Csv), 0, 0, 0, 0]), leaveOpen: false).CopyTo(Stream.Null);

        read.Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void Read_TwoMembers_ThrowsNamingIt()
    {
        var half = Csv.Length / 2;
        var joined = Input.Compress(Csv[..half]).Concat(Input.Compress(Csv[half..])).ToArray();

        var read = () => new CheckedGzipStream(new MemoryStream(joined), leaveOpen: false).CopyTo(Stream.Null);

        read.Should().Throw<InvalidDataException>().WithMessage("*cut off, or it joins several gzip members*");
    }

    [Fact]
    public async Task ReadAsync_CutStream_Throws()
    {
        var whole = Input.Compress(Csv);
        await using var gzip = new CheckedGzipStream(new MemoryStream(whole, 0, whole.Length / 2), leaveOpen: false);

        var read = () => gzip.CopyToAsync(Stream.Null);

        await read.Should().ThrowAsync<InvalidDataException>();
    }

    [Fact]
    public void Dispose_LeaveOpen_LeavesTheInputOpen()
    {
        var input = new MemoryStream(Input.Compress(Csv));

        new CheckedGzipStream(input, leaveOpen: true).Dispose();

        input.CanRead.Should().BeTrue();
    }
}
