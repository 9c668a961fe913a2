Feature: Rules
  # errata-ai/alex features/rules.feature at e198418, whole; fail.md is
  # errata-ai/alex's fixtures/basic/fail.md at ea4af23. These expectations
  # name alex.Profanity, a rule the vendored release has split into
  # ProfanityLikely, ProfanityMaybe and ProfanityUnlikely; the fixture's
  # .vale.ini (written here) turns those three on in its place.

  Scenario: Basic test case
    When I test "basic"
    Then the output should contain exactly:
      """
      fail.md:3:21:alex.Profanity:Be careful with 'fucking', it’s profane in some cases.
      fail.md:6:13:alex.Profanity:Be careful with 'damn', it’s profane in some cases.
      fail.md:6:18:alex.Profanity:Be careful with 'sexy', it’s profane in some cases.
      fail.md:8:210:alex.Profanity:Be careful with 'dead', it’s profane in some cases.
      """
