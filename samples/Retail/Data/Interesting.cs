namespace Retail.Data;

/// <summary>Finds keys worth showing in generated batches.</summary>
internal static class Interesting
{
    /// <summary>A customer whose segment changed in batch 2 and changed back in batch 3 (A → B → A).</summary>
    /// <param name="batches">The batches.</param>
    /// <returns>The customer id, or <see langword="null"/>.</returns>
    public static string? CustomerChangedBack(IReadOnlyList<RetailBatch> batches) => CustomersChangedBack(batches) is [var first, ..] ? first : null;

    /// <summary>Every customer whose segment changed in batch 2 and changed back in batch 3.</summary>
    /// <param name="batches">The batches.</param>
    /// <returns>The customer ids.</returns>
    public static IReadOnlyList<string> CustomersChangedBack(IReadOnlyList<RetailBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count < 3)
        {
            return [];
        }

        var first = batches[0].Customers!.ToDictionary(c => c.CustomerId, StringComparer.Ordinal);
        var second = (batches[1].Customers ?? []).ToDictionary(c => c.CustomerId, StringComparer.Ordinal);
        return [.. (batches[2].Customers ?? [])
            .Where(c => first.TryGetValue(c.CustomerId, out var a) && second.TryGetValue(c.CustomerId, out var b)
                && a.CustomerSegment != b.CustomerSegment && c.CustomerSegment == a.CustomerSegment)
            .Select(c => c.CustomerId)];
    }

    /// <summary>A product of batch 1 whose price changed in batch 2, and that batch 1 sold.</summary>
    /// <param name="batches">The batches.</param>
    /// <returns>The product id, or <see langword="null"/>.</returns>
    public static string? RepricedProduct(IReadOnlyList<RetailBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count < 2)
        {
            return null;
        }

        var first = batches[0].Products!.ToDictionary(p => p.ProductId, StringComparer.Ordinal);
        var sold = (batches[0].Transactions ?? []).Select(t => t.ProductId).ToHashSet(StringComparer.Ordinal);
        return (batches[1].Products ?? [])
            .Where(p => first.TryGetValue(p.ProductId, out var old) && old.UnitPrice != p.UnitPrice && sold.Contains(p.ProductId))
            .Select(p => p.ProductId)
            .FirstOrDefault();
    }

    /// <summary>
    /// A customer of batch 1 whose phones changed in batch 2 — preferably one whose set came back in batch 3 (A → B → A),
    /// so the multi-active satellite shows three versions of the set.
    /// </summary>
    /// <param name="batches">The batches.</param>
    /// <returns>The customer id, or <see langword="null"/>.</returns>
    public static string? CustomerWithChangedPhones(IReadOnlyList<RetailBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count < 2)
        {
            return null;
        }

        var first = (batches[0].Phones ?? []).Select(p => p.CustomerId).ToHashSet(StringComparer.Ordinal);
        var changed = (batches[1].Phones ?? []).Select(p => p.CustomerId).Where(first.Contains).Distinct(StringComparer.Ordinal).ToList();
        var third = batches.Count > 2 ? (batches[2].Phones ?? []).Select(p => p.CustomerId).ToHashSet(StringComparer.Ordinal) : [];
        return changed.FirstOrDefault(third.Contains) ?? changed.FirstOrDefault();
    }

    /// <summary>A product whose promotion changed in batch 2 and changed back in batch 3 (A → B → A), from the full extracts of the promotion each product is on.</summary>
    /// <param name="batches">The batches.</param>
    /// <returns>The product id, or <see langword="null"/>.</returns>
    public static string? ProductMovedBack(IReadOnlyList<RetailBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count < 3)
        {
            return null;
        }

        Dictionary<string, string> On(RetailBatch batch) => (batch.PromotionsNow ?? []).ToDictionary(p => p.ProductId, p => p.PromotionId, StringComparer.Ordinal);
        var (first, second, third) = (On(batches[0]), On(batches[1]), On(batches[2]));
        return first.Keys.Order(StringComparer.Ordinal).FirstOrDefault(p =>
            second.TryGetValue(p, out var b) && b != first[p] && third.TryGetValue(p, out var c) && c == first[p]);
    }
}
