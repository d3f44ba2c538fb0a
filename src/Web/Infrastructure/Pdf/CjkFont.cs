using PdfSharp.Fonts;

namespace Tianshan.Web.Infrastructure.Pdf;

/// <summary>
/// The one font of Tianshan's PDFs: WenQuanYi Micro Hei (Debian's fonts-wqy-microhei), which has TrueType outlines and
/// Latin as well as CJK glyphs, so PDFsharp embeds a small subset. PDFsharp reads neither font collections (.ttc) nor
/// system fonts on Linux, so the first face is cut out of the collection here. (Noto Sans CJK has CFF outlines and
/// embeds whole, ~14 MB a PDF; DroidSansFallback has no Latin.)
/// </summary>
public sealed class CjkFont : IFontResolver
{
    public const string Family = "Tianshan CJK";
    private const string Face = "tianshan-cjk-regular";

    /// <summary>Where Debian puts it; "Pdf:FontPath" in configuration names another .ttc/.ttf.</summary>
    public const string DefaultPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private static readonly Lock Gate = new();
    private static bool _installed;
    private readonly byte[] _font;

    private CjkFont(byte[] font) => _font = font;

    /// <summary>Installs the resolver once for the process; a missing font is a clear error, not an empty PDF.</summary>
    public static void EnsureInstalled(string? path = null)
    {
        lock (Gate)
        {
            if (_installed)
                return;
            path ??= DefaultPath;
            if (!File.Exists(path))
                throw new InvalidOperationException($"缺少中文字体 {path}：请安装 fonts-wqy-microhei（apt-get install fonts-wqy-microhei）或在 Pdf:FontPath 配置字体文件。");
            GlobalFontSettings.FontResolver = new CjkFont(FirstFace(File.ReadAllBytes(path)));
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(Face);

    public byte[]? GetFont(string faceName) => _font;

    /// <summary>
    /// A TrueType collection's first font as a standalone font file (OpenType spec, "Font Collections"): the collection
    /// header lists each font's table directory; the directory and the tables it points to are copied out, with each
    /// table's offset rewritten for its new place. A plain .ttf comes back unchanged.
    /// </summary>
    internal static byte[] FirstFace(byte[] file)
    {
        if (file.Length < 16 || ReadUInt32(file, 0) != 0x74746366) // 'ttcf'
            return file;
        var directory = (int)ReadUInt32(file, 12);
        var tables = (file[directory + 4] << 8) | file[directory + 5];
        var headerLength = 12 + (16 * tables);
        var size = headerLength;
        for (var t = 0; t < tables; t++)
            size += Pad((int)ReadUInt32(file, directory + 12 + (16 * t) + 12));
        var font = new byte[size];
        Array.Copy(file, directory, font, 0, headerLength);
        var position = headerLength;
        for (var t = 0; t < tables; t++)
        {
            var record = 12 + (16 * t);
            var offset = (int)ReadUInt32(file, directory + record + 8);
            var length = (int)ReadUInt32(file, directory + record + 12);
            Array.Copy(file, offset, font, position, length);
            WriteUInt32(font, record + 8, (uint)position);
            position += Pad(length);
        }
        return font;
    }

    private static int Pad(int length) => (length + 3) & ~3;

    private static uint ReadUInt32(byte[] b, int at) => ((uint)b[at] << 24) | ((uint)b[at + 1] << 16) | ((uint)b[at + 2] << 8) | b[at + 3];

    private static void WriteUInt32(byte[] b, int at, uint value)
    {
        b[at] = (byte)(value >> 24);
        b[at + 1] = (byte)(value >> 16);
        b[at + 2] = (byte)(value >> 8);
        b[at + 3] = (byte)value;
    }
}
