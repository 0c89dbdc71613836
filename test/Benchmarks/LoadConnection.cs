using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace Orleans.Blockchain.Benchmarks;

/// <summary>One keep-alive HTTP/1.1 connection of the load generator, one request at a time (as wrk does): requests
/// written as bytes and answers read only as far as the status and the end of the body. On this 2-core machine the load
/// shares the CPU with the miner it measures; an <see cref="HttpClient"/> per request cost about three times as much.</summary>
internal sealed class LoadConnection(Socket socket, string host) : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LastChunk = "0\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "\r\ncontent-length:"u8.ToArray();

    private readonly byte[] _buffer = new byte[64 * 1024];

    public static async Task<LoadConnection> OpenAsync(Uri server)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server.Host, server.Port);
        return new LoadConnection(socket, server.Authority);
    }

    /// <summary>Sends <c>PUT path</c> with an empty body; returns the answer's status code.</summary>
    public async Task<int> PutAsync(string pathAndQuery, CancellationToken cancellation)
    {
        var request = Encoding.ASCII.GetBytes($"PUT {pathAndQuery} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\n\r\n");
        await socket.SendAsync(request, SocketFlags.None, cancellation);

        var length = 0;
        int headerLength;
        while ((headerLength = _buffer.AsSpan(0, length).IndexOf(HeaderEnd)) < 0)
        {
            length += await ReceiveAsync(length, cancellation);
        }

        var headers = _buffer.AsSpan(0, headerLength);
        if (!Utf8Parser.TryParse(headers["HTTP/1.1 ".Length..], out int status, out _))
        {
            throw new InvalidDataException("not an HTTP/1.1 answer");
        }

        var bodyStart = headerLength + HeaderEnd.Length;
        if (BodyLength(headers) is { } bodyLength)
        {
            while (length < bodyStart + bodyLength)
            {
                length += await ReceiveAsync(length, cancellation);
            }
        }
        else
        {
            // Chunked: one request at a time, so the answer ends where the last chunk does.
            while (!_buffer.AsSpan(bodyStart, length - bodyStart).EndsWith(LastChunk))
            {
                length += await ReceiveAsync(length, cancellation);
            }
        }

        return status;
    }

    public void Dispose() => socket.Dispose();

    private async Task<int> ReceiveAsync(int offset, CancellationToken cancellation)
    {
        if (offset == _buffer.Length)
        {
            throw new InvalidDataException("an answer larger than the load generator's buffer");
        }

        var received = await socket.ReceiveAsync(_buffer.AsMemory(offset), SocketFlags.None, cancellation);
        return received > 0 ? received : throw new IOException("the server closed the connection");
    }

    private static int? BodyLength(ReadOnlySpan<byte> headers)
    {
        Span<byte> lower = stackalloc byte[headers.Length];
        Ascii.ToLower(headers, lower, out _);
        var at = lower.IndexOf(ContentLength);
        if (at < 0)
        {
            return null;
        }

        var value = lower[(at + ContentLength.Length)..].TrimStart(" "u8);
        return Utf8Parser.TryParse(value, out int length, out _) ? length : throw new InvalidDataException("a bad Content-Length");
    }
}
