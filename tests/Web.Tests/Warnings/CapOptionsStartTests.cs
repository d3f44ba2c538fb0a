using Microsoft.AspNetCore.Hosting;

namespace Tianshan.Web.Tests.Warnings;

/// <summary>The CAP identity is checked when the host starts: a malformed GB/T 4657 organisation code stops it with a message
/// naming the setting, instead of every publication failing later. Configuration only, so SQLite alone.</summary>
public sealed class CapOptionsStartTests
{
    private sealed class BadOrganisationCodeApp : SqliteApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Warnings:Cap:OrganisationCode", "31A");
        }
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_an_organisation_code_that_is_not_three_digits()
    {
        await using var app = new BadOrganisationCodeApp();
        var e = Assert.ThrowsAny<Exception>(() => app.Server);
        var messages = string.Join(" | ", Flatten(e).Select(x => x.Message));
        Assert.Contains("Warnings:Cap:OrganisationCode 应为 3 位数字的 GB/T 4657 机构代码", messages, StringComparison.Ordinal);
        Assert.Contains("当前为“31A”", messages, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException a)
                foreach (var inner in a.InnerExceptions.SelectMany(Flatten))
                    yield return inner;
        }
    }
}
