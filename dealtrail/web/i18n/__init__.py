"""Human words for codes, in English and Simplified Chinese: one catalogue (gettext .po files read
with Babel; country names from CLDR) that the dashboard and the CSV reports both use."""
