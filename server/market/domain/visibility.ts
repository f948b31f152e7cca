// Who sees whom in a running auction: zones see other bidders only by bidder number
// (竞买号), so they cannot find and collude with each other; the selling county and the province see
// names. After the close, the result announcement names the winners.
export type Viewer = { role: 'province' | 'city' | 'county' | 'zone' | 'public'; organisationId: number | null; cityId?: number | null };

export function seesBidderNames(viewer: Viewer, listing: { countyId: number }): boolean {
  return viewer.role === 'province' || (viewer.role === 'county' && viewer.organisationId === listing.countyId);
}

/** Listings the viewer may open: approved ones for everyone, any stage for the province and the owner. */
export function seesListing(viewer: Viewer, listing: { countyId: number; status: string }): boolean {
  if (listing.status === 'approved' || listing.status === 'closed') return true;
  return seesBidderNames(viewer, listing);
}

/** An auction's bids are public (by bidder number); a negotiated listing's offers only to its seller and the province. */
export function seesAllBids(viewer: Viewer, listing: { countyId: number; mode: string }): boolean {
  return listing.mode === 'auction' || seesBidderNames(viewer, listing);
}

/** Offers on a negotiated listing are private between the offering zone and the county. */
export function seesBid(viewer: Viewer, listing: { countyId: number; mode: string }, bid: { zoneId: number }): boolean {
  return seesAllBids(viewer, listing) || viewer.organisationId === bid.zoneId;
}

/**
 * Where a bid stands (leading, outbid, …) is told to the zone that placed it, and to the selling
 * county and the province, who see every bidder; a zone reads no other bidder's standing.
 */
export function seesStanding(viewer: Viewer, listing: { countyId: number }, bid: { zoneId: number }): boolean {
  return seesBidderNames(viewer, listing) || (viewer.role === 'zone' && viewer.organisationId === bid.zoneId);
}

/** Awards are named to everyone once the listing has closed (the result announcement), before that to the seller and province. */
export function seesResults(viewer: Viewer, listing: { countyId: number; status: string }): boolean {
  return listing.status === 'closed' || seesBidderNames(viewer, listing);
}

/** A trade confirmation is for its two parties and the province. */
export function seesTrade(viewer: Viewer, trade: { sellerId: number; buyerId: number }): boolean {
  return viewer.role === 'province' || viewer.organisationId === trade.sellerId || viewer.organisationId === trade.buyerId;
}

/** A linking project is seen by its county, the bureau of its county's city, and the province (seed 001 二(一)). */
export function seesProject(viewer: Viewer, project: { countyId: number; cityId: number | null }): boolean {
  if (viewer.role === 'province') return true;
  if (viewer.role === 'county') return viewer.organisationId === project.countyId;
  if (viewer.role === 'city') return viewer.cityId != null && viewer.cityId === project.cityId;
  return false;
}
