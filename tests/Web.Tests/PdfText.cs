using System.Diagnostics;

namespace Tianshan.Web.Tests;

/// <summary>A PDF's text as poppler's pdftotext reads it: what a user would find when searching or copying it.</summary>
public static class PdfText
{
    public static async Task<string> OfAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"tianshan-pdf-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var psi = new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(psi)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
