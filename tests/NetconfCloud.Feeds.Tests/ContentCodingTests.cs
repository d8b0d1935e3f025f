namespace NetconfCloud.Feeds.Tests;

public class ContentCodingTests
{
    [Theory]
    [InlineData("gzip, deflate, br, zstd", ContentCoding.Brotli)]
    [InlineData("gzip", ContentCoding.Gzip)]
    [InlineData("br;q=0, gzip", ContentCoding.Gzip)]
    [InlineData("gzip;q=1.0, br;q=0.5", ContentCoding.Gzip)]
    [InlineData("*", ContentCoding.Brotli)]
    [InlineData("identity", ContentCoding.Identity)]
    [InlineData("gzip;q=0", ContentCoding.Identity)]
    [InlineData("", ContentCoding.Identity)]
    public void TheClientsPreferenceChoosesTheCoding(string acceptEncoding, ContentCoding expected) =>
        Assert.Equal(expected, ContentCodings.Choose(acceptEncoding, "text/html; charset=utf-8", 10_000));

    [Theory]
    [InlineData("text/calendar; charset=utf-8", 10_000, ContentCoding.Brotli)]
    [InlineData("application/json; charset=utf-8", 10_000, ContentCoding.Brotli)]
    [InlineData("image/svg+xml; charset=utf-8", 10_000, ContentCoding.Brotli)]
    [InlineData("image/png", 10_000, ContentCoding.Identity)]
    [InlineData("text/html; charset=utf-8", 1_023, ContentCoding.Identity)]
    public void OnlyTextOfAKibibyteOrMoreIsCompressed(string contentType, int length, ContentCoding expected) =>
        Assert.Equal(expected, ContentCodings.Choose("br, gzip", contentType, length));

    [Theory]
    [InlineData(ContentCoding.Gzip)]
    [InlineData(ContentCoding.Brotli)]
    public void ACompressedBodyDecompressesToTheBody(ContentCoding coding)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Netconf 2015 — my agenda</p>\n", 500)));

        var encoded = ContentCodings.Encode(body, coding);

        using var input = new MemoryStream(encoded);
        using Stream decompressor = coding == ContentCoding.Brotli
            ? new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressor.CopyTo(output);
        Assert.Equal(body, output.ToArray());
        Assert.True(encoded.Length < body.Length / 10);
    }

    [Fact]
    public void EachCodingHasItsOwnETagAndAnyOfThemMatchesTheDocument()
    {
        var document = new FeedDocument(new byte[4096], "text/html", "", DateTimeOffset.UnixEpoch, 1);
        var brotli = ContentCodings.ETag(document.ETag, ContentCoding.Brotli);
        var gzip = ContentCodings.ETag(document.ETag, ContentCoding.Gzip);

        Assert.Equal(document.ETag, ContentCodings.ETag(document.ETag, ContentCoding.Identity));
        Assert.Equal(3, new[] { document.ETag, brotli, gzip }.Distinct().Count());
        Assert.All(new[] { document.ETag, brotli, gzip, $"W/{gzip}" }, tag => Assert.True(document.IsNotModified(tag, null), tag));
        Assert.False(document.IsNotModified("\"other-br\"", null));
    }
}
