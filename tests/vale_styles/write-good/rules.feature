Feature: Rules

  Scenario: E-Prime
    When I test "E-Prime"
    Then the output should contain exactly:
      """
      test.md:3:1:write-good.E-Prime:Try to avoid using 'Here's'.
      """

  Scenario: Repeated words
    When I test "Illusions"
    Then the output should contain exactly:
      """
      test.md:1:1:write-good.Illusions:'the' is repeated!
      """

  Scenario: Starting sentences with 'There is'
    When I test "ThereIs"
    Then the output should contain exactly:
      """
      test.md:3:1:write-good.ThereIs:Don't start a sentence with 'There is'.
      test.md:5:1:write-good.ThereIs:Don't start a sentence with 'There are'.
      """

  Scenario: Weasel words
    When I test "Weasel"
    Then the output should contain exactly:
      """
      test.md:3:9:write-good.Weasel:'very' is a weasel word!
      """
