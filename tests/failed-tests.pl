# Prints each failed test of the .trx files named on the command line: its name, the first lines of its message and
# the first frames of our code in its stack, so a CI log that keeps only its tail still says what failed and where.
use strict; use warnings; binmode STDOUT, ":encoding(UTF-8)";
local $/;
sub unxml { my $s = shift; $s =~ s/&lt;/</g; $s =~ s/&gt;/>/g; $s =~ s/&quot;/"/g; $s =~ s/&apos;/'/g;
            $s =~ s/&#x([0-9A-Fa-f]+);/chr(hex $1)/ge; $s =~ s/&amp;/&/g; $s =~ s/\r//g; return $s; }
for my $file (@ARGV) {
  open my $fh, '<:encoding(UTF-8)', $file or next; my $trx = <$fh>; close $fh;
  while ($trx =~ /<UnitTestResult\b([^>]*?)(?:\/>|>(.*?)<\/UnitTestResult>)/gs) {
    my ($attrs, $body) = ($1, $2 // '');
    my ($outcome) = $attrs =~ /outcome="([^"]+)"/; next if !$outcome || $outcome =~ /^(Passed|NotExecuted)$/;
    my ($name) = $attrs =~ /testName="([^"]+)"/; my ($duration) = $attrs =~ /duration="([^"]+)"/;
    print "--- $outcome: ", unxml($name // '?'), " (", $duration // '?', ")\n";
    my ($message) = $body =~ /<Message>(.*?)<\/Message>/s; my ($stack) = $body =~ /<StackTrace>(.*?)<\/StackTrace>/s;
    my @lines = grep { /\S/ } split /\n/, unxml($message // '(no message)');
    print "    $_\n" for @lines[0 .. ($#lines < 11 ? $#lines : 11)];
    my @frames = grep { /Tianshan/ } split /\n/, unxml($stack // '');
    print "    $_\n" for @frames[0 .. ($#frames < 5 ? $#frames : 5)];
  }
}
