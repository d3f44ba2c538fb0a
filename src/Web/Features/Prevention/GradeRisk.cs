using Microsoft.Extensions.Options;
using Tianshan.Core.Prevention;

namespace Tianshan.Web.Features.Prevention;

/// <summary>POST /api/risk/lec and /api/risk/ls: grade one set of inputs without saving anything (the calculator).</summary>
public static class GradeRisk
{
    public sealed record LecRequest(decimal L, decimal E, decimal C);

    public sealed record LecResponse(decimal D, LecBand Band, string BandLabel, string Colour, string ColourLabel);

    public sealed record LsRequest(int L, int S);

    public sealed record LsResponse(int R, string Colour, string ColourLabel);

    public static LecResponse Handle(LecRequest request, IOptions<RiskGradingOptions> options)
    {
        var result = Lec.Assess(request.L, request.E, request.C, options.Value);
        return new LecResponse(result.D, result.Band, result.BandLabel, RiskLevels.Code(result.Level), RiskLevels.Label(result.Level));
    }

    public static LsResponse Handle(LsRequest request, IOptions<RiskGradingOptions> options)
    {
        var result = LsMatrix.Assess(request.L, request.S, options.Value);
        return new LsResponse(result.R, RiskLevels.Code(result.Level), RiskLevels.Label(result.Level));
    }
}
