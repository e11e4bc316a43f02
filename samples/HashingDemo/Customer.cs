namespace HashingDemo;

/// <summary>One customer row as read from the CSV file (strings as they are; typed columns parsed).</summary>
/// <param name="Row">The 1-based data row number (the header is row 0).</param>
/// <param name="CustomerId">The business key, exactly as written in the file.</param>
/// <param name="Name">The customer's name.</param>
/// <param name="Email">The e-mail address; may be empty.</param>
/// <param name="BirthDate">The birth date, or <see langword="null"/> when the cell is empty.</param>
/// <param name="CreditLimit">The credit limit, or <see langword="null"/> when the cell is empty.</param>
/// <param name="City">The city; may be empty.</param>
internal sealed record Customer(
    int Row,
    string CustomerId,
    string Name,
    string Email,
    DateOnly? BirthDate,
    decimal? CreditLimit,
    string City);
