using System.ComponentModel;
using System.Globalization;

namespace Troc.Graph.Listings;

/// <summary>
/// A description whose numbers are constants (placed at <c>{0}</c>, <c>{1}</c>…), so that an input says the limits
/// <see cref="Troc.Domain.Listings.ListingRules"/> enforces instead of a copy of them: C# cannot interpolate a number into
/// an attribute's text. The web app reads these numbers back from schema.graphql at build time
/// (client/codegen/listingLimits.ts), so each sits in a fixed phrase: « 3–80 characters », « at most 5 », « 10 MB each ».
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LimitsDescriptionAttribute(string format, params int[] limits)
    : DescriptionAttribute(string.Format(CultureInfo.InvariantCulture, format, limits.Cast<object>().ToArray()));
