using Microsoft.Extensions.Options;
using Ventanilla.Channels.Portal;

namespace Ventanilla.Tests;

public class FolioLimiterTests
{
    private static FolioLimiter Limiter(int permits) =>
        new(Options.Create(new PortalOptions { RateLimits = new PortalRateLimits { PerFolioPermits = permits, WindowSeconds = 600 } }));

    [Fact]
    public void TryTake_CountsOneFolioWrittenInDifferentWaysAgainstOneLimit()
    {
        using var limiter = Limiter(2);

        Assert.True(limiter.TryTake("NM-2026-000123"));
        Assert.True(limiter.TryTake(" nm-2026-0000123 "));
        Assert.False(limiter.TryTake("NM-2026-00000123"));
        Assert.True(limiter.TryTake("NM-2026-000124"));
    }

    [Fact]
    public void TryTake_LimitsTextThatIsNotAFolioByItsTrimmedUpperCaseForm()
    {
        using var limiter = Limiter(1);

        Assert.True(limiter.TryTake("contrato:zac-10442"));
        Assert.False(limiter.TryTake("  CONTRATO:ZAC-10442"));
        Assert.True(limiter.TryTake("contrato:zac-10443"));
    }
}
