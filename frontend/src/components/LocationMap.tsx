import { Browser } from 'leaflet'
import 'leaflet/dist/leaflet.css'
import { CircleMarker, MapContainer, TileLayer, ZoomControl } from 'react-leaflet'
import './LocationMap.css'

/** Text for Leaflet's attribution, which Leaflet writes as HTML: the configured text, escaped. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * A small map around one place (an offer's address), with a dot on it. It is a named region and never traps the
 * keyboard: the map itself is not a tab stop (no arrow-key panning), only the zoom buttons are; the scroll wheel
 * scrolls the page, not the map; and on touch screens one finger scrolls the page too. The address is always
 * written out beside it, so nothing is only on the map. Loaded lazily with Leaflet, only where a map is shown.
 */
export default function LocationMap({
  latitude,
  longitude,
  tileUrl,
  attribution,
  label,
  zoomInLabel,
  zoomOutLabel,
}: {
  latitude: number
  longitude: number
  tileUrl: string
  attribution: string
  /** The map's accessible name, e.g. "Kaart met de plek van …". */
  label: string
  zoomInLabel: string
  zoomOutLabel: string
}) {
  const center: [number, number] = [latitude, longitude]
  return (
    <div className="meedoen-map" role="region" aria-label={label}>
      <MapContainer
        center={center}
        zoom={16}
        className="meedoen-map__map"
        keyboard={false}
        scrollWheelZoom={false}
        dragging={!Browser.mobile}
        zoomControl={false}
      >
        <TileLayer url={tileUrl} attribution={escapeHtml(attribution)} />
        <ZoomControl position="topleft" zoomInTitle={zoomInLabel} zoomOutTitle={zoomOutLabel} />
        <CircleMarker center={center} radius={10} interactive={false} pathOptions={{ className: 'meedoen-map__dot', weight: 3, fillOpacity: 0.9 }} />
      </MapContainer>
    </div>
  )
}
