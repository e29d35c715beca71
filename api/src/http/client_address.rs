//! The address a request came from, for the per-address limits (sign-in failures, public pages).
//! Behind a load balancer every connection comes from the balancer, so `X-Forwarded-For` must be
//! read — but only from the proxies named in `NASTAVNIK_TRUSTED_PROXIES`, since any client can
//! write that header and would otherwise pick its own address and escape every limit.

use std::net::IpAddr;

use actix_web::http::header::HeaderMap;
use ipnet::IpNet;

/// The networks whose `X-Forwarded-For` is believed. Empty (the default): the peer is the client.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(pub Vec<IpNet>);

impl TrustedProxies {
    /// `10.0.0.5, 10.1.0.0/16, ::1`: addresses or networks, separated by commas.
    pub fn parse(list: &str) -> Result<Self, String> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<IpNet>().or_else(|_| s.parse::<IpAddr>().map(IpNet::from)).map_err(|_| format!("`{s}` is not an IP address or network")))
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client: the peer itself unless it is a trusted proxy; then the nearest address in
    /// `X-Forwarded-For` (read right to left, as each proxy appends) that is not a trusted proxy.
    pub fn client(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> Option<IpAddr> {
        let peer = peer?;
        if !self.trusts(peer) {
            return Some(peer);
        }
        let forwarded: Vec<IpAddr> = headers.get_all("x-forwarded-for").filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).filter_map(|s| s.trim().parse().ok()).collect();
        let mut client = peer;
        for address in forwarded.into_iter().rev() {
            client = address;
            if !self.trusts(address) {
                break;
            }
        }
        Some(client)
    }
}

#[cfg(test)]
mod tests {
    use actix_web::http::header::{HeaderName, HeaderValue};

    use super::*;

    fn headers(xff: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(HeaderName::from_static("x-forwarded-for"), HeaderValue::from_str(xff).expect("header"));
        h
    }

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().expect("ip"))
    }

    #[test]
    fn an_untrusted_peer_cannot_choose_its_address() {
        let none = TrustedProxies::default();
        assert_eq!(none.client(ip("203.0.113.9"), &headers("198.51.100.1")), ip("203.0.113.9"));
    }

    #[test]
    fn a_trusted_balancer_passes_the_client_on() {
        let lb = TrustedProxies::parse("10.0.0.0/8").expect("parses");
        assert_eq!(lb.client(ip("10.0.0.2"), &headers("198.51.100.1")), ip("198.51.100.1"));
        // A client that writes the header itself only prepends: the balancer's entry is last.
        assert_eq!(lb.client(ip("10.0.0.2"), &headers("1.2.3.4, 198.51.100.1")), ip("198.51.100.1"));
        // Two proxies of ours in a row.
        assert_eq!(lb.client(ip("10.0.0.2"), &headers("198.51.100.1, 10.0.0.7")), ip("198.51.100.1"));
        // No header: the balancer itself is all we know.
        assert_eq!(lb.client(ip("10.0.0.2"), &HeaderMap::new()), ip("10.0.0.2"));
    }

    #[test]
    fn the_list_takes_addresses_and_networks() {
        assert_eq!(TrustedProxies::parse(" 10.0.0.5, ::1 ,192.168.0.0/16").expect("parses").0.len(), 3);
        assert!(TrustedProxies::parse("10.0.0.300").is_err());
        assert!(TrustedProxies::parse("").expect("empty").0.is_empty());
    }
}
