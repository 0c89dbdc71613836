using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Orleans.Blockchain.Storage;

/// <summary>JSON Lines, the format of the chain and pool journals: one compact JSON value per line, each ended by
/// <c>\n</c> (compact JSON never holds a raw newline, so a line is exactly one value).</summary>
public static class JsonLines
{
    public const byte NewLine = (byte)'\n';

    /// <summary>The values as lines, ready to append.</summary>
    public static byte[] Serialize<T>(IEnumerable<T> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            foreach (var value in values)
            {
                JsonSerializer.Serialize(writer, value, StorageJson.Compact);
                writer.Flush();
                buffer.Write([NewLine]);
                writer.Reset();
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Whether the file begins like <paramref name="start"/> (how an old one-document format is told from lines).</summary>
    public static async Task<bool> BeginsLikeAsync(string path, Regex start, CancellationToken cancellation = default)
    {
        var head = new byte[256];
        await using var stream = File.OpenRead(path);
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellation);
        return start.IsMatch(Encoding.UTF8.GetString(head, 0, read));
    }

    /// <summary>Reads a stream line by line, calling <paramref name="line"/> with each complete line (without its
    /// <c>\n</c>) and the offset it starts at; every byte read also goes into <paramref name="hash"/>. Returns the offset
    /// where the complete lines end: bytes after it are a last line that was cut short.</summary>
    public static async Task<long> ReadAsync(
        Stream stream, Action<ReadOnlyMemory<byte>, long> line, IncrementalHash? hash = null, CancellationToken cancellation = default)
    {
        var buffer = new byte[1 << 20];
        var (filled, bufferOffset) = (0, 0L);
        while (true)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the buffer
            }

            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellation);
            if (read == 0)
            {
                return bufferOffset;
            }

            hash?.AppendData(buffer, filled, read);
            filled += read;
            var start = 0;
            int end;
            while ((end = Array.IndexOf(buffer, NewLine, start, filled - start)) >= 0)
            {
                line(buffer.AsMemory(start, end - start), bufferOffset + start);
                start = end + 1;
            }

            Array.Copy(buffer, start, buffer, 0, filled - start);
            (filled, bufferOffset) = (filled - start, bufferOffset + start);
        }
    }
}
