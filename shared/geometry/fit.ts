/** Fitting a picture into a view: the zoom and offset that show all of it, centered. */

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface ViewFit {
  /** View pixels per picture pixel. */
  readonly zoom: number;
  /** Where the picture's top-left corner lands in the view. */
  readonly offsetX: number;
  readonly offsetY: number;
}

/**
 * The largest zoom at which all of `picture` fits inside `view` with `margin` view pixels on
 * each side, centered. Small photos are not enlarged past 100 %, the convention of photo
 * editors: enlarging hides the real resolution the person is working at.
 */
export function fitToView(picture: Size, view: Size, margin = 0): ViewFit {
  if (picture.width <= 0 || picture.height <= 0) return { zoom: 1, offsetX: 0, offsetY: 0 };
  const availableWidth = Math.max(1, view.width - 2 * margin);
  const availableHeight = Math.max(1, view.height - 2 * margin);
  const zoom = Math.min(1, availableWidth / picture.width, availableHeight / picture.height);
  return {
    zoom,
    offsetX: (view.width - picture.width * zoom) / 2,
    offsetY: (view.height - picture.height * zoom) / 2,
  };
}
