/* Debian's xmlsec1.pc carries these as -D cflags, but SwiftPM keeps only -I/-F
 * from pkg-config (it drops -D with a "prohibited flags" warning), so they are
 * repeated here. XMLSEC_NO_SIZE_T changes struct layouts (xmlSecSize = unsigned int)! */
#define XMLSEC_NO_SIZE_T 1
#define XMLSEC_CRYPTO_OPENSSL 1
#define XMLSEC_NO_CRYPTO_DYNAMIC_LOADING 1
#define XMLSEC_NO_GOST 1
#define XMLSEC_NO_GOST2012 1
#define XMLSEC_OPENSSL3_ENGINES 1
#include <libxml/parser.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/crypto.h>
