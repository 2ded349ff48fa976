using Snapshooter.Xunit;
using Troc.Domain.Common;

namespace Troc.Tests.Common;

/// <summary>
/// Clients switch on the codes of payload errors, and each code is its <see cref="ViolationKind"/>'s name: renaming a
/// member would rename a code under their feet. The snapshot lists every code, so such a change has to be approved.
/// </summary>
public sealed class ViolationCodeTests
{
    [Fact]
    public void Every_violation_kind_keeps_its_code()
    {
        var codes = Enum.GetValues<ViolationKind>().ToDictionary(kind => kind.ToString(), kind => kind.Code());

        Assert.Equal("ITEM_TYPE_NOT_FOUND", ViolationKind.ItemTypeNotFound.Code());
        Assert.Equal("INVALID_INPUT", ViolationKind.InvalidInput.Code());
        Assert.Equal(codes.Count, codes.Values.Distinct().Count());
        codes.MatchSnapshot();
    }

    [Fact]
    public void A_violation_and_the_exception_that_carries_it_speak_the_same_code()
    {
        var violation = new Violation(ViolationKind.ListingArchived, "status", "Cette annonce est déjà archivée.");

        Assert.Equal("LISTING_ARCHIVED", violation.Code);
        Assert.Equal("LISTING_ARCHIVED", new ViolationException(violation).Code);
        Assert.Equal(violation.Message, new ViolationException(violation).Message);
    }
}
