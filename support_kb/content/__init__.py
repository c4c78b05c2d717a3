"""What the pages say and what they are made of: pages, portal labels, topics, glossary, rules,
interface strings, dates and when each page last changed."""
