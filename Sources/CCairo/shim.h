#ifndef BRIEFKIT_CCAIRO_SHIM_H
#define BRIEFKIT_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <fontconfig/fontconfig.h>
#include <malloc.h>
#endif
