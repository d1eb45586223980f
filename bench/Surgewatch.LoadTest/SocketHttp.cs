using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Surgewatch.LoadTest;

/// <summary>
/// A minimal HTTP/1.1 keep-alive client on one socket, in the manner of wrk: each request (headers and body) is
/// built once before the clock starts, sent whole, and its reply read to the end (Content-Length or chunked) before
/// the next request goes. It shares the server's cores, so it spends as little CPU per request as it can; it still
/// sends every byte of every batch and checks every status line.
/// </summary>
internal sealed class SocketHttp : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();
    private readonly Socket _socket;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    private SocketHttp(Socket socket) => _socket = socket;

    public static async Task<SocketHttp> ConnectAsync(Uri baseAddress)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new DnsEndPoint(baseAddress.Host, baseAddress.Port, AddressFamily.InterNetwork));
        return new SocketHttp(socket);
    }

    /// <summary>A complete POST request: request line, headers and body.</summary>
    public static byte[] Request(Uri baseAddress, string path, string key, string contentType, byte[] body)
    {
        var head = Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nAuthorization: Bearer {key}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n\r\n");
        var request = new byte[head.Length + body.Length];
        head.CopyTo(request, 0);
        body.CopyTo(request, head.Length);
        return request;
    }

    /// <summary>Sends <paramref name="request"/> and reads the whole reply; returns its status code and body.</summary>
    public async Task<(int Status, string Body)> SendAsync(byte[] request)
    {
        await _socket.SendAsync(request, SocketFlags.None);
        var headerEnd = await FindAsync(HeaderEnd);
        var head = _buffer.AsSpan(_start, headerEnd - _start);
        var status = ParseStatus(head);
        var contentLength = HeaderValue(head, "content-length: "u8);
        var chunked = HeaderValue(head, "transfer-encoding: "u8) is { } te && te.Contains("chunked", StringComparison.OrdinalIgnoreCase);
        _start = headerEnd + 4;
        var body = chunked ? await ReadChunkedAsync() : await ReadExactlyAsync(int.Parse(contentLength ?? "0", System.Globalization.CultureInfo.InvariantCulture));
        return (status, body);
    }

    public void Dispose() => _socket.Dispose();

    private static int ParseStatus(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 200 OK"
        if (head.Length < 12 || !Utf8Parser.TryParse(head.Slice(9, 3), out int status, out _))
        {
            throw new InvalidOperationException("Not an HTTP/1.1 reply: " + Encoding.ASCII.GetString(head[..Math.Min(head.Length, 40)]));
        }

        return status;
    }

    private static string? HeaderValue(ReadOnlySpan<byte> head, ReadOnlySpan<byte> lowerName)
    {
        var text = Encoding.ASCII.GetString(head);
        var at = text.IndexOf(Encoding.ASCII.GetString(lowerName), StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var end = text.IndexOf("\r\n", at, StringComparison.Ordinal);
        return text[(at + lowerName.Length)..(end < 0 ? text.Length : end)].Trim();
    }

    private async Task<string> ReadChunkedAsync()
    {
        var body = new StringBuilder();
        while (true)
        {
            var lineEnd = await FindAsync(LineEnd);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(_buffer, _start, lineEnd - _start).Split(';')[0].Trim(), 16);
            _start = lineEnd + 2;
            if (size == 0)
            {
                // No trailers are sent; the empty line ends the reply.
                _start = await FindAsync(LineEnd) + 2;
                return body.ToString();
            }

            body.Append(await ReadExactlyAsync(size));
            _start = await FindAsync(LineEnd) + 2;
        }
    }

    private async Task<string> ReadExactlyAsync(int count)
    {
        while (_end - _start < count)
        {
            await ReceiveAsync();
        }

        var text = Encoding.UTF8.GetString(_buffer, _start, count);
        _start += count;
        return text;
    }

    /// <summary>The buffer position where <paramref name="marker"/> next starts, receiving until it has come.</summary>
    private async Task<int> FindAsync(byte[] marker)
    {
        while (true)
        {
            var at = _buffer.AsSpan(_start, _end - _start).IndexOf(marker);
            if (at >= 0)
            {
                return _start + at;
            }

            await ReceiveAsync();
        }
    }

    private async Task ReceiveAsync()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None);
        if (read == 0)
        {
            throw new IOException("The server closed the connection.");
        }

        _end += read;
    }
}
