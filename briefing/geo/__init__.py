"""Places and their clocks: the gazetteer, the cities table, datelines and place zones.

Below both the loaders and the extractor: a page's dateline sets its publication clock's
zone at loading (sources), and the same tables find WHERE and the zone of a "<City> time"
(extract), so that one rule serves both.  The data files in data/ ship with the package.
"""
